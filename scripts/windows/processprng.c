/* A stand-in for Windows 10's bcryptprimitives.dll, for running the Windows test builds
 * under Wine 8, which lacks it. Rust's standard library (1.78 and later) takes its
 * randomness from ProcessPrng there, and a program without it dies at start. This one
 * forwards to RtlGenRandom (advapi32's SystemFunction036), Windows' own generator, which
 * Wine implements over the host's. It only ever goes into the tests' private Wine
 * prefix (scripts/common.sh), never into the app or its installer. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}

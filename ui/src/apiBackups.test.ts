import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { api } = await import('./api');

beforeEach(() => {
  invoke.mockReset();
  invoke.mockResolvedValue(undefined);
});

describe('backups while locked', () => {
  it('lists the backups in the data folder', async () => {
    await api.lockedBackups();
    expect(invoke).toHaveBeenCalledWith('locked_backups', undefined);
  });

  it('sends the path and whichever key was typed, in the names Tauri expects', async () => {
    await api.previewBackupLocked('/tmp/a.backup', null, 'ABCD-EFGH');
    expect(invoke).toHaveBeenCalledWith('preview_backup_locked', {
      path: '/tmp/a.backup',
      passphrase: null,
      recoveryKey: 'ABCD-EFGH',
    });
    await api.restoreBackupLocked('/tmp/a.backup', 'river lamp orbit', null);
    expect(invoke).toHaveBeenCalledWith('restore_backup_locked', {
      path: '/tmp/a.backup',
      passphrase: 'river lamp orbit',
      recoveryKey: null,
    });
  });

  it('passes on an error that names its field', async () => {
    invoke.mockRejectedValue({ kind: 'Invalid', message: 'That passphrase doesn’t open this backup.', field: 'passphrase' });
    await expect(api.previewBackupLocked('/tmp/a.backup', 'wrong', null)).rejects.toEqual({
      kind: 'Invalid',
      message: 'That passphrase doesn’t open this backup.',
      field: 'passphrase',
    });
  });
});

describe('checking the circle', () => {
  it('asks the backend to read every page', async () => {
    invoke.mockResolvedValue({ ok: true, problems: 0, pages: 12 });
    await expect(api.checkCircle()).resolves.toEqual({ ok: true, problems: 0, pages: 12 });
    expect(invoke).toHaveBeenCalledWith('check_circle', undefined);
  });
});

/** Lower case, without accents: what matching what a person types compares ("José" and "jose" are one). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

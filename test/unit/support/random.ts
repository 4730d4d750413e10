/** Seeded randomness for the differential and fuzz tests, so a failure names an input that can be replayed. */

/** `rand(n)`: a whole number in [0, n), the same sequence for the same seed. */
export function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return Math.floor(((s >>> 8) / 0x1000000) * n);
  };
}

export function pick<T>(rand: (n: number) => number, list: readonly T[]): T {
  return list[rand(list.length)] as T;
}

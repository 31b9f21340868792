/** The phase's request allowance, shared by every issuer (threads too): each turn takes one before it is sent. */
export interface RequestBudget {
  /** Takes one request; false when the phase's request count is used up. */
  take(): boolean;
  exhausted(): boolean;
}

/** A budget of `limit` requests counted in `sent` (an Int32Array, shared between threads); null = unlimited. */
export function requestBudget(sent: Int32Array, limit: number | null): RequestBudget {
  if (limit === null) return { take: () => true, exhausted: () => false };
  return {
    take: () => Atomics.add(sent, 0, 1) < limit,
    exhausted: () => Atomics.load(sent, 0) >= limit,
  };
}

/**
 * The one registry shape of aiperf (recipes, post-run hooks, endpoint types, timing strategies, metrics, plot
 * types). A registry is an instance handed to the run, never a module-level singleton: two installed copies of
 * this package therefore cannot split registrations, because nothing registers into a copy's own state.
 */
export interface Registry<T> {
  /** What the entries are, for messages: `recipe`, `timing strategy`, … */
  readonly kind: string;
  /** Adds an entry. The same object twice is harmless; a different object under a taken name is an error. */
  register(item: T, origin?: string): T;
  get(name: string): T | undefined;
  /** The entry, or a `RegistryError` naming `where` (a flag or YAML path), the bad name and the known ones. */
  require(name: string, where?: string): T;
  has(name: string): boolean;
  /** Entries in registration order: one shared array until the next registration (read it, never modify it). */
  list(): readonly T[];
  names(): string[];
  /** Who registered the name (`built-in`, a plugin name), when it was said. */
  originOf(name: string): string | undefined;
}

export interface RegistryOptions<T> {
  /** Every problem with an entry's shape (empty when fine), checked before it is registered. */
  validate?: (item: T) => string[];
  /** The entry's name; default `item.name`. Metrics are keyed by their `tag`. */
  key?: (item: T) => string;
}

/** A registration or lookup the caller got wrong: a taken name, an unknown name, a malformed entry. */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    readonly entryName: string,
    readonly reason: 'taken' | 'unknown' | 'shape',
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

const defaultKey = (item: unknown): string => (item as { name?: unknown })?.name as string;

export function createRegistry<T extends { name: string }>(kind: string, items?: Iterable<T>, options?: RegistryOptions<T>): Registry<T>;
export function createRegistry<T>(kind: string, items: Iterable<T>, options: RegistryOptions<T> & { key: (item: T) => string }): Registry<T>;
export function createRegistry<T>(kind: string, items: Iterable<T> = [], options: RegistryOptions<T> = {}): Registry<T> {
  const entries = new Map<string, { item: T; origin: string | undefined }>();
  const keyOf = options.key ?? defaultKey;
  // Hot paths (a metric pass per record) ask for the list often: it is rebuilt only when an entry is added.
  let listed: readonly T[] | null = null;
  const registry: Registry<T> = {
    kind,
    register(item, origin) {
      const name = item === null || typeof item !== 'object' ? undefined : keyOf(item);
      if (typeof name !== 'string' || name.length === 0) {
        throw new RegistryError(`a ${kind} needs a non-empty string name`, kind, String(name ?? ''), 'shape');
      }
      const problems = options.validate?.(item) ?? [];
      if (problems.length > 0) throw new RegistryError(`${kind} '${name}': ${problems.join('; ')}`, kind, name, 'shape');
      const existing = entries.get(name);
      if (existing?.item === item) return item;
      if (existing) {
        const by = existing.origin ? ` (by ${existing.origin})` : '';
        throw new RegistryError(`a different ${kind} named '${name}' is already registered${by}`, kind, name, 'taken');
      }
      entries.set(name, { item, origin });
      listed = null;
      return item;
    },
    get: (name) => entries.get(name)?.item,
    require(name, where) {
      const entry = entries.get(name);
      if (entry) return entry.item;
      const prefix = where ? `${where}: ` : '';
      throw new RegistryError(`${prefix}unknown ${kind} '${name}'; known: ${registry.names().join(', ')}`, kind, name, 'unknown');
    },
    has: (name) => entries.has(name),
    list: () => (listed ??= Object.freeze([...entries.values()].map((e) => e.item))),
    names: () => [...entries.keys()],
    originOf: (name) => entries.get(name)?.origin,
  };
  for (const item of items) registry.register(item, 'built-in');
  return registry;
}

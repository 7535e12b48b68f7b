import type { KeeperStore } from '../../../tab/src/sealed/keeper';

/**
 * The keeper's store as IndexedDB behaves for it: every record goes in and out as a structured
 * clone (CryptoKey objects included), and `add` keeps the first record of an id.
 */
export function memoryStore(): KeeperStore & { readonly records: Map<string, unknown> } {
  const records = new Map<string, unknown>();
  return {
    records,
    get: (id) => Promise.resolve(structuredClone(records.get(id))),
    add(id, record) {
      if (!records.has(id)) records.set(id, structuredClone(record));
      return Promise.resolve(structuredClone(records.get(id)));
    },
    put(id, record) {
      records.set(id, structuredClone(record));
      return Promise.resolve();
    },
    delete(id) {
      records.delete(id);
      return Promise.resolve();
    },
  };
}

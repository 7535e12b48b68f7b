import type { Scalar, TrusteeCommitment, TrusteeSecret } from '@council/shared/sealed';

/**
 * What a trustee's browser keeps of a key ceremony: the polynomial and box key it committed to
 * (with the commitment, public, to send again), then its share of the sitting's key once the
 * others' deals check out.
 */
export interface Kept {
  readonly secret: TrusteeSecret;
  readonly commitment: TrusteeCommitment;
  readonly share?: Scalar;
}

/** One trustee of one ceremony of one meeting: what the keeper keeps apart. */
export interface Slot {
  readonly meetingId: string;
  readonly ceremony: number;
  readonly member: string;
}

/**
 * Where the keeper puts its records: IndexedDB in the browser. `add` keeps a record only where none
 * is, and says which one is kept, so that two windows of one trustee keep the same secret.
 */
export interface KeeperStore {
  get(id: string): Promise<unknown>;
  add(id: string, record: unknown): Promise<unknown>;
  put(id: string, record: unknown): Promise<void>;
  delete(id: string): Promise<void>;
}

/**
 * A record as stored: the AES-GCM key that seals it is a non-extractable CryptoKey, which IndexedDB
 * keeps as an object (structured clone) and no script of the page can read as bytes.
 */
interface Sealed {
  readonly key: CryptoKey;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: ArrayBuffer;
}

const slotId = ({ meetingId, ceremony, member }: Slot) =>
  JSON.stringify([meetingId, ceremony, member]);

const isSealed = (record: unknown): record is Sealed =>
  typeof record === 'object' &&
  record !== null &&
  'key' in record &&
  'iv' in record &&
  'data' in record;

async function seal(kept: Kept, key?: CryptoKey): Promise<Sealed> {
  const sealing =
    key ??
    (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(kept));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, sealing, plain);
  return { key: sealing, iv, data };
}

async function open(record: unknown): Promise<Kept | null> {
  if (!isSealed(record)) return null;
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: record.iv },
    record.key,
    record.data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as Kept;
}

/** The trustee's secrets for each ceremony, sealed at rest; they leave the browser never in clear. */
export interface Keeper {
  /** What is kept for the slot, or null: another browser, or storage the reader cleared. */
  recall(slot: Slot): Promise<Kept | null>;
  /** Keeps `made()` unless something is kept already; answers what is kept. */
  keepFirst(slot: Slot, made: () => Kept): Promise<Kept>;
  /** Adds the computed share to what the slot keeps. */
  keepShare(slot: Slot, share: Scalar): Promise<void>;
  /** Deletes what the slot keeps, once no count can need it again. */
  forget(slot: Slot): Promise<void>;
}

export function createKeeper(store: KeeperStore): Keeper {
  return {
    recall: async (slot) => open(await store.get(slotId(slot))),
    async keepFirst(slot, made) {
      const kept = await open(await store.add(slotId(slot), await seal(made())));
      if (!kept) throw new Error('nothing kept');
      return kept;
    },
    async keepShare(slot, share) {
      const id = slotId(slot);
      const record = await store.get(id);
      const kept = await open(record);
      if (!kept || !isSealed(record)) throw new Error('no secret kept for this ceremony');
      await store.put(id, await seal({ ...kept, share }, record.key));
    },
    forget: (slot) => store.delete(slotId(slot)),
  };
}

const DATABASE = 'council-tellers';
const RECORDS = 'sealed';

function request<T>(asked: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    asked.onsuccess = () => {
      resolve(asked.result);
    };
    asked.onerror = () => {
      reject(asked.error ?? new Error('IndexedDB refused'));
    };
  });
}

/** The browser's IndexedDB, one object store of sealed records by slot. */
export function indexedDbStore(
  factory: () => IDBFactory | undefined = () => globalThis.indexedDB,
): KeeperStore {
  let database: Promise<IDBDatabase> | null = null;
  const opened = () => {
    database ??= (() => {
      // Some browsers' private modes have none: the trustee is then told nothing is kept here.
      const opening = factory()?.open(DATABASE, 1);
      if (!opening) return Promise.reject(new Error('no IndexedDB in this browser'));
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore(RECORDS);
      };
      return request(opening);
    })();
    return database;
  };
  const records = async (mode: IDBTransactionMode) =>
    (await opened()).transaction(RECORDS, mode).objectStore(RECORDS);
  return {
    get: async (id) => request((await records('readonly')).get(id) as IDBRequest<unknown>),
    async add(id, record) {
      const store = await records('readwrite');
      // One transaction: the window that reads nothing here is the one whose record is kept.
      const existing = await request(store.get(id) as IDBRequest<unknown>);
      if (existing !== undefined) return existing;
      await request(store.add(record, id));
      return record;
    },
    async put(id, record) {
      await request((await records('readwrite')).put(record, id));
    },
    async delete(id) {
      await request((await records('readwrite')).delete(id));
    },
  };
}

let browserKeeper: Keeper | null = null;

/** The keeper of this browser's trustee secrets. */
export function keeper(): Keeper {
  browserKeeper ??= createKeeper(indexedDbStore());
  return browserKeeper;
}

import { createContext, useContext } from 'react';
import { keeper, type Keeper } from '../sealed/keeper';

const KeeperContext = createContext<Keeper | null>(null);

/** Where a trustee's secrets are kept: this browser's IndexedDB unless a test gives another. */
export const KeeperProvider = KeeperContext.Provider;

export function useKeeper(): Keeper {
  return useContext(KeeperContext) ?? keeper();
}

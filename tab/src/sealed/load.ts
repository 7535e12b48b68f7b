import type { Sealed } from '@council/shared/sealed';

let loading: Promise<Sealed> | null = null;

/**
 * The sealed ballot box's crypto (libsodium, some 190 KB gzip), loaded on first need and never in
 * a view's first bundle: a secret vote opening, a trustee's ceremony. A failed load is tried again.
 */
export function loadSealed(): Promise<Sealed> {
  loading ??= import('@council/shared/sealed')
    .then((module) => module.loadSealed())
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

export { decideDocuments, evolveDocuments, MAX_ITEM_DOCUMENTS } from './decider';
export { documentLinkRefusal, MAX_DOCUMENT_URL } from './link';
export { itemDocumentsFor } from './reader';

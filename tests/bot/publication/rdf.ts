import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataFactory, Parser, Store, type Term } from 'n3';
import { RdfaParser } from 'rdfa-streaming-parser';
import SHACLValidator from 'rdf-validate-shacl';

/** ABB's shapes and real pages, beside the project as CI has them; never copied into it. */
export const lblodShapes = path.resolve(__dirname, '../../..', '../shared/lblod-shapes');

/** The triples a harvester reads from a page's RDFa. */
export function triplesOf(html: string, baseIRI: string): Promise<Store> {
  return new Promise((resolve, reject) => {
    const store = new Store();
    const parser = new RdfaParser({ baseIRI, contentType: 'text/html' });
    parser.on('data', (quad: Parameters<Store['addQuad']>[0]) => store.addQuad(quad));
    parser.on('error', reject);
    parser.on('end', () => {
      resolve(store);
    });
    parser.write(html);
    parser.end();
  });
}

export function turtle(text: string): Store {
  return new Store(new Parser().parse(text));
}

export async function shapesFile(name: string): Promise<Store> {
  return turtle(await readFile(path.join(lblodShapes, name), 'utf8'));
}

export interface Violation {
  readonly focus: string;
  readonly path: string;
  readonly message: string;
  /** The constraint component's local name: DatatypeConstraintComponent, MinCountConstraintComponent… */
  readonly component: string;
  readonly value: Term;
}

/** The violations a plain SHACL engine finds. */
export async function violations(shapes: Store, data: Store): Promise<Violation[]> {
  const report = await new SHACLValidator(shapes).validate(data);
  return report.results.map((result) => ({
    focus: result.focusNode.value,
    // A node shape's finding (sh:or) has no path, whatever the typings say.
    path: (result.path as Term | null)?.value ?? '',
    message: result.message.map((m) => m.value).join(' '),
    component: result.sourceConstraintComponent.value.split('#').at(-1) ?? '',
    value: result.value as Term,
  }));
}

const SH_SPARQL = 'http://www.w3.org/ns/shacl#sparql';

/**
 * ABB's shapes without their SHACL-SPARQL constraints, which rdf-validate-shacl cannot run (it
 * refuses such shapes whole); the tests check what those constraints say themselves (sparqlChecks).
 */
export function withoutSparql(shapes: Store): Store {
  const kept = new Store(shapes.getQuads(null, null, null, null));
  kept.removeQuads(kept.getQuads(null, DataFactory.namedNode(SH_SPARQL), null, null));
  return kept;
}

const BESLUIT = 'http://data.vlaanderen.be/ns/besluit#';
const b = (name: string) => DataFactory.namedNode(`${BESLUIT}${name}`);
const RDF_TYPE = DataFactory.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

/**
 * What ABB's notulen shape checks in SPARQL, for a plain engine: no mandataris as a blank node, and on
 * a vote that names its voters, as many named for, against and abstaining as it counts.
 */
export function sparqlChecks(graph: Store): string[] {
  const found: string[] = [];
  for (const p of ['heeftVoorstander', 'heeftTegenstander', 'heeftOnthouder', 'heeftAanwezige']) {
    for (const quad of graph.getQuads(null, b(p), null, null)) {
      if (quad.object.termType === 'BlankNode')
        found.push(`${quad.subject.value} ${p}: blank node`);
    }
  }
  for (const stemming of graph.getSubjects(RDF_TYPE, b('Stemming'), null)) {
    if (graph.getObjects(stemming, b('geheim'), null).some((t) => t.value === 'true')) continue;
    for (const [count, named] of [
      ['aantalVoorstanders', 'heeftVoorstander'],
      ['aantalTegenstanders', 'heeftTegenstander'],
      ['aantalOnthouders', 'heeftOnthouder'],
    ] as const) {
      const counted = Number(graph.getObjects(stemming, b(count), null)[0]?.value);
      const listed = graph.getObjects(stemming, b(named), null).length;
      if (counted !== listed) found.push(`${stemming.value} ${count} ${counted} ≠ ${listed} named`);
    }
  }
  return found;
}

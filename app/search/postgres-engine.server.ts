// Search on PostgreSQL itself (SEARCH_ENGINE=postgres, ADR 0014): full-text search (a weighted
// tsvector with a GIN index) for words and prefixes, pg_trgm over the index's vocabulary for
// typos, a GIN-indexed text[] of "facet=value" pairs for filters and facet counts. Several app
// servers then share one index through the database they already have. Tokens are made by the
// same text processing as the embedded engine (so codes stay whole and synonyms become group
// tokens), and the tables belong to this adapter (like Meilisearch's indexes), not to Prisma.
import pg from "pg";
import { INDEX_DEFINITIONS, filterableAttributes } from "./index-config";
import { querySynonymTokens, synonymTokensIn, synonymWordsForToken } from "./synonyms";
import { highlightSegments, searchSalt } from "./shared";
import { isCode, processTerm, tokenize, typoBudget } from "./text";
import { MAX_FUZZY_TERMS, MAX_QUERY_TERMS, MAX_SUGGEST_TERMS, MIN_FUZZY_TERM_LENGTH } from "./search-query.schema";
import { editDistance } from "./embedded-engine.server";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest, SearchResponse } from "./types";

const WEIGHTS = ["A", "A", "B", "B", "C", "C", "D", "D", "D"] as const;

function fieldText(doc: SearchDocument, field: string): string {
  const value = doc[field];
  return Array.isArray(value) ? value.join(" ") : value == null ? "" : String(value);
}

function terms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((t): t is string => Boolean(t));
}

/** A lexeme as tsquery syntax: quoted, so punctuation in codes ("rm1557.15") is kept. */
function lexeme(term: string, prefix = false): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${prefix ? ":*" : ""}`;
}

function filterValues(doc: SearchDocument, index: IndexName): string[] {
  const out: string[] = [];
  for (const attribute of filterableAttributes(index)) {
    const value = doc[attribute];
    if (value == null) continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) out.push(`${attribute}=${v}`);
  }
  return out;
}

export class PostgresEngine implements SearchEngine {
  readonly kind = "postgres" as const;
  private pool: pg.Pool;
  private prepared: Promise<void> | null = null;
  private readonly docs: string;
  private readonly vocabulary: string;

  constructor({ connectionString, tablePrefix = "cm_search" }: { connectionString: string; tablePrefix?: string }) {
    this.pool = new pg.Pool({ connectionString, max: 4 });
    if (!/^[a-z_][a-z0-9_]*$/.test(tablePrefix)) throw new Error("tablePrefix must be a plain SQL identifier");
    this.docs = `${tablePrefix}_document`;
    this.vocabulary = `${tablePrefix}_term`;
  }

  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      // The default tables come from a migration (prisma/postgresql/migrations/*_postgres_search_tables),
      // so the least-privilege app role never runs DDL; other prefixes (tests) are made here.
      const existing = await this.pool.query<{ docs: string | null; terms: string | null }>(
        "SELECT to_regclass($1) AS docs, to_regclass($2) AS terms",
        [this.docs, this.vocabulary],
      );
      if (existing.rows[0]?.docs && existing.rows[0]?.terms) return;
      await this.pool.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await this.pool.query(`
        CREATE TABLE IF NOT EXISTS ${this.docs} (
          idx text NOT NULL, id text NOT NULL, doc jsonb NOT NULL, tsv tsvector NOT NULL,
          filters text[] NOT NULL, idhash integer NOT NULL, PRIMARY KEY (idx, id));
        CREATE INDEX IF NOT EXISTS ${this.docs}_tsv ON ${this.docs} USING gin (tsv);
        CREATE INDEX IF NOT EXISTS ${this.docs}_filters ON ${this.docs} USING gin (filters);
        CREATE TABLE IF NOT EXISTS ${this.vocabulary} (idx text NOT NULL, term text NOT NULL, PRIMARY KEY (idx, term));
        CREATE INDEX IF NOT EXISTS ${this.vocabulary}_trgm ON ${this.vocabulary} USING gin (term gin_trgm_ops);`);
    })().catch((error) => {
      this.prepared = null;
      throw error;
    });
    return this.prepared;
  }

  async close() {
    await this.pool.end();
  }

  /** Tests: removes this adapter's tables. */
  async dropAll() {
    await this.pool.query(`DROP TABLE IF EXISTS ${this.docs}; DROP TABLE IF EXISTS ${this.vocabulary}`);
    await this.close();
  }

  private async write(client: pg.PoolClient, idx: string, index: IndexName, documents: SearchDocument[]) {
    const fields = INDEX_DEFINITIONS[index].searchableAttributes;
    for (let i = 0; i < documents.length; i += 500) {
      const batch = documents.slice(i, i + 500);
      const rows = batch.map((doc) => {
        const texts = fields.map((f) => fieldText(doc, f));
        const lexemes = WEIGHTS.map(() => [] as string[]);
        texts.forEach((text, f) => lexemes[Math.min(f, WEIGHTS.length - 1)].push(...terms(text)));
        lexemes[2].push(...synonymTokensIn(texts.join(" \n ")));
        return { doc, lexemes, filters: filterValues(doc, index) };
      });
      const tsv = WEIGHTS.map((w, k) => `setweight(array_to_tsvector(r.l${k}), '${w}')`).join(" || ");
      await client.query(
        `INSERT INTO ${this.docs} (idx, id, doc, tsv, filters, idhash)
         SELECT $1, r.id, r.doc, ${tsv}, r.filters, hashtext(r.id)
         FROM jsonb_to_recordset($2::jsonb) AS r(id text, doc jsonb, filters text[], ${WEIGHTS.map((_w, k) => `l${k} text[]`).join(", ")})
         ON CONFLICT (idx, id) DO UPDATE SET doc = EXCLUDED.doc, tsv = EXCLUDED.tsv, filters = EXCLUDED.filters`,
        [
          idx,
          JSON.stringify(
            rows.map((r) => ({
              id: r.doc.id,
              doc: r.doc,
              filters: r.filters,
              ...Object.fromEntries(r.lexemes.map((l, k) => [`l${k}`, [...new Set(l)]])),
            })),
          ),
        ],
      );
      const vocabulary = [...new Set(rows.flatMap((r) => r.lexemes.flat()))];
      await client.query(`INSERT INTO ${this.vocabulary} (idx, term) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
        index,
        vocabulary,
      ]);
    }
  }

  async replaceAll(index: IndexName, documents: SearchDocument[], onProgress?: (done: number, total: number) => void) {
    await this.prepare();
    // Build under a temporary name, then swap in one transaction: searches see old or new, never half.
    const building = `${index}#building`;
    const client = await this.pool.connect();
    try {
      await client.query(`DELETE FROM ${this.docs} WHERE idx = $1`, [building]);
      for (let i = 0; i < documents.length; i += 5_000) {
        await this.write(client, building, index, documents.slice(i, i + 5_000));
        onProgress?.(Math.min(i + 5_000, documents.length), documents.length);
      }
      await client.query("BEGIN");
      await client.query(`DELETE FROM ${this.docs} WHERE idx = $1`, [index]);
      await client.query(`UPDATE ${this.docs} SET idx = $1 WHERE idx = $2`, [index, building]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async upsert(index: IndexName, documents: SearchDocument[]) {
    await this.prepare();
    const client = await this.pool.connect();
    try {
      await this.write(client, index, index, documents);
    } finally {
      client.release();
    }
  }

  async remove(index: IndexName, ids: string[]) {
    await this.prepare();
    await this.pool.query(`DELETE FROM ${this.docs} WHERE idx = $1 AND id = ANY($2::text[])`, [index, ids]);
  }

  async count(index: IndexName) {
    await this.prepare();
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.docs} WHERE idx = $1`, [index]);
    return Number(rows[0].n);
  }

  private async known(index: IndexName, words: string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ term: string }>(
      `SELECT term FROM ${this.vocabulary} WHERE idx = $1 AND term = ANY($2::text[])`,
      [index, words],
    );
    return new Set(rows.map((r) => r.term));
  }

  /** Vocabulary terms within `max` edits (trigram candidates, checked by edit distance), nearest first. */
  private async typoCandidates(index: IndexName, word: string, max: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ term: string; sim: number }>(
      `SELECT term, similarity(term, $2) AS sim FROM ${this.vocabulary}
       WHERE idx = $1 AND term % $2 AND length(term) BETWEEN $3 AND $4 ORDER BY sim DESC LIMIT 50`,
      [index, word, word.length - max, word.length + max],
    );
    const letters = [...word].sort().join("");
    return rows
      .map((r) => ({ term: r.term, sim: r.sim, distance: editDistance(word, r.term, max) }))
      .filter((r) => r.distance <= max && r.distance > 0)
      .sort((a, b) => a.distance - b.distance || swap(b.term) - swap(a.term) || b.sim - a.sim)
      .map((r) => r.term);
    function swap(term: string) {
      return [...term].sort().join("") === letters ? 1 : 0;
    }
  }

  /** Per word, the lexemes it stands for (as in the embedded engine: exact, prefix on the last word, typos if unknown). */
  private async expand(index: IndexName, words: string[]): Promise<{ parts: string[][]; terms: string[] }> {
    const known = await this.known(index, words);
    const parts: string[][] = [];
    const matched: string[] = [];
    for (const [i, word] of words.entries()) {
      const alternatives = [lexeme(word, i === words.length - 1)];
      matched.push(word);
      const budget = typoBudget(word);
      if (!known.has(word) && budget > 0 && i < MAX_FUZZY_TERMS && word.length >= MIN_FUZZY_TERM_LENGTH) {
        for (const term of await this.typoCandidates(index, word, budget)) {
          alternatives.push(lexeme(term));
          matched.push(term);
        }
      }
      parts.push(alternatives);
    }
    return { parts, terms: matched };
  }

  private async tsquery(index: IndexName, q: string, mode: "&" | "|"): Promise<{ query: string | null; terms: string[] }> {
    const phrasings = [q];
    const withTokens = querySynonymTokens(q);
    if (withTokens) phrasings.push(withTokens);
    const queries: string[] = [];
    const matched: string[] = [];
    for (const phrasing of phrasings) {
      const words = terms(phrasing).slice(0, MAX_QUERY_TERMS);
      if (!words.length) continue;
      const { parts, terms: t } = await this.expand(index, words);
      matched.push(...t);
      queries.push(`(${parts.map((alts) => `(${alts.join(" | ")})`).join(` ${mode} `)})`);
    }
    return { query: queries.length ? queries.join(" | ") : null, terms: matched };
  }

  async search(index: IndexName, request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    await this.prepare();
    const def = INDEX_DEFINITIONS[index];
    const q = request.q.trim();
    let text = q ? await this.tsquery(index, q, "&") : null;
    if (q && !text?.query)
      return { total: 0, hits: [], facets: Object.fromEntries(def.facets.map((f) => [f.name, {}])), processingTimeMs: 0 };
    const active = Object.entries(request.filters).filter(([, values]) => values.length);

    const execute = async (query: string | null) => {
      // Each statement binds only the parameters it uses.
      const statement = () => {
        const params: unknown[] = [index];
        const add = (v: unknown) => `$${params.push(v)}`;
        const text = query ? add(query) : null;
        const from = `FROM ${this.docs} d WHERE d.idx = $1 AND ${text ? `d.tsv @@ to_tsquery('simple', ${text})` : "true"}`;
        const filterWhere = (except?: string) =>
          active
            .filter(([attribute]) => attribute !== except)
            .map(([attribute, values]) => `d.filters && ${add(values.map((v) => `${attribute}=${v}`))}::text[]`)
            .join(" AND ") || "true";
        return { params, add, text, from, filterWhere };
      };
      const sortDef = request.sort === "relevance" ? undefined : def.sortable[request.sort];
      const numeric = sortDef && ["priceFromPence", "councilsUsing", "productCount"].includes(sortDef.attribute);
      const facetNames = def.facets.map((f) => f.name);
      const activeNames = new Set(active.map(([a]) => a));

      const page = statement();
      const order = [
        sortDef
          ? `(d.doc->>${page.add(sortDef.attribute)})${numeric ? "::numeric" : ""} ${sortDef.direction === "asc" ? "ASC" : "DESC"} NULLS LAST`
          : null,
        page.text ? `ts_rank(d.tsv, to_tsquery('simple', ${page.text})) DESC` : null,
        `hashtext(${page.add(searchSalt(request))} || d.id)`,
      ]
        .filter(Boolean)
        .join(", ");
      const pageSql = `SELECT d.doc ${page.from} AND ${page.filterWhere()} ORDER BY ${order} LIMIT ${page.add(request.pageSize)} OFFSET ${page.add((request.page - 1) * request.pageSize)}`;
      const count = statement();
      const countSql = `SELECT count(*) AS n ${count.from} AND ${count.filterWhere()}`;
      // Facets not filtered on share one count; each filtered facet is counted without its own filter.
      const groups = [
        { names: facetNames.filter((f) => !activeNames.has(f)), except: undefined as string | undefined },
        ...facetNames.filter((f) => activeNames.has(f)).map((f) => ({ names: [f], except: f })),
      ].filter((g) => g.names.length);
      const facetStatements = groups.map((g) => {
        const st = statement();
        const sql = `SELECT f, count(*) AS n FROM (SELECT d.filters ${st.from} AND ${st.filterWhere(g.except)}) m, unnest(m.filters) AS f
           WHERE split_part(f, '=', 1) = ANY(${st.add(g.names)}::text[]) GROUP BY f`;
        return { sql, params: st.params };
      });
      const [hits, total, ...facetRows] = await Promise.all([
        this.pool.query<{ doc: SearchDocument }>(pageSql, page.params),
        this.pool.query<{ n: string }>(countSql, count.params),
        ...facetStatements.map((f) => this.pool.query<{ f: string; n: string }>(f.sql, f.params)),
      ]);
      const facets: Record<string, Record<string, number>> = Object.fromEntries(facetNames.map((f) => [f, {}]));
      for (const result of facetRows) {
        for (const row of result.rows) {
          const at = row.f.indexOf("=");
          const facet = row.f.slice(0, at);
          if (facets[facet]) facets[facet][row.f.slice(at + 1)] = Number(row.n);
        }
      }
      return { docs: hits.rows.map((r) => r.doc), total: Number(total.rows[0].n), facets };
    };

    let found = await execute(text?.query ?? null);
    // Like Meilisearch's "last" matching strategy: if every word cannot match, accept fewer.
    if (q && found.total === 0) {
      const anyWord = await this.tsquery(index, q, "|");
      if (anyWord.query) {
        text = anyWord;
        found = await execute(anyWord.query);
      }
    }
    const queryTerms = q ? terms(q) : [];
    const marks = [...(text?.terms ?? []), ...queryTerms].flatMap((t) => (t.startsWith("xsyn") ? synonymWordsForToken(t) : [t]));
    return {
      total: found.total,
      hits: found.docs.map((doc) => ({
        id: doc.id,
        document: doc,
        highlights: Object.fromEntries(def.highlight.map((field) => [field, highlightSegments(String(doc[field] ?? ""), marks)])),
      })),
      facets: found.facets,
      processingTimeMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  async suggest(index: IndexName, q: string): Promise<string | null> {
    if (!q.trim() || q.trim().split(/\s+/).length > MAX_SUGGEST_TERMS) return null;
    await this.prepare();
    const words = terms(q).slice(0, MAX_QUERY_TERMS);
    if (!words.length) return null;
    const known = await this.known(index, words);
    let changed = false;
    const out: string[] = [];
    for (const [i, word] of words.entries()) {
      const max = Math.min(2, Math.floor(word.length * 0.34));
      if (known.has(word) || word.length < 3 || max < 1 || isCode(word)) {
        out.push(word);
        continue;
      }
      if (i === words.length - 1) {
        const { rows } = await this.pool.query(`SELECT 1 FROM ${this.vocabulary} WHERE idx = $1 AND term LIKE $2 LIMIT 1`, [
          index,
          `${word.replace(/[\\%_]/g, "\\$&")}%`,
        ]);
        if (rows.length) {
          out.push(word);
          continue;
        }
      }
      const [best] = await this.typoCandidates(index, word, max);
      if (best) changed = true;
      out.push(best ?? word);
    }
    if (!changed) return null;
    const suggestion = out.join(" ");
    const check = await this.search(index, { q: suggestion, filters: {}, sort: "relevance", page: 1, pageSize: 1 });
    return check.total ? suggestion : null;
  }
}

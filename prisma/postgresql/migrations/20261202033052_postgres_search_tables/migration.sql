-- The PostgreSQL search engine's tables (SEARCH_ENGINE=postgres; app/search/postgres-engine.server.ts),
-- made by the migration owner so the least-privilege app role never needs DDL at run time.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS cm_search_document (
  idx text NOT NULL, id text NOT NULL, doc jsonb NOT NULL, tsv tsvector NOT NULL,
  filters text[] NOT NULL, idhash integer NOT NULL, PRIMARY KEY (idx, id));
CREATE INDEX IF NOT EXISTS cm_search_document_tsv ON cm_search_document USING gin (tsv);
CREATE INDEX IF NOT EXISTS cm_search_document_filters ON cm_search_document USING gin (filters);
CREATE TABLE IF NOT EXISTS cm_search_term (idx text NOT NULL, term text NOT NULL, PRIMARY KEY (idx, term));
CREATE INDEX IF NOT EXISTS cm_search_term_trgm ON cm_search_term USING gin (term gin_trgm_ops);

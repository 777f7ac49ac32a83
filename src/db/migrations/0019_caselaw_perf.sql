-- Case-law search performance (decision 0025): a version number of the searchable data, so that search results can
-- be cached and are dropped as soon as anything they depend on changes (decisions, their norms, courts), by any
-- process and any way of writing (import, editorial workflow, restore, SQL). A sequence because nextval() takes no
-- row lock: concurrent import transactions do not wait for each other, and every session sees the newest value.
-- The row triggers are deferred to the commit, so the new version appears (almost) together with the new data; a
-- reader that falls into the remaining gap caches for at most the cache's lifetime (search-cache.ts).
CREATE SEQUENCE caselaw_search_version;

CREATE OR REPLACE FUNCTION caselaw_bump_search_version() RETURNS trigger AS $$
BEGIN
  PERFORM nextval('caselaw_search_version');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER caselaw_decisions_search_version AFTER INSERT OR UPDATE OR DELETE ON caselaw_decisions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caselaw_bump_search_version();
CREATE CONSTRAINT TRIGGER caselaw_decision_norms_search_version AFTER INSERT OR UPDATE OR DELETE
  ON caselaw_decision_norms DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caselaw_bump_search_version();
CREATE CONSTRAINT TRIGGER caselaw_courts_search_version AFTER INSERT OR UPDATE OR DELETE ON caselaw_courts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caselaw_bump_search_version();
CREATE TRIGGER caselaw_decisions_search_version_truncate AFTER TRUNCATE ON caselaw_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION caselaw_bump_search_version();
CREATE TRIGGER caselaw_decision_norms_search_version_truncate AFTER TRUNCATE ON caselaw_decision_norms
  FOR EACH STATEMENT EXECUTE FUNCTION caselaw_bump_search_version();
CREATE TRIGGER caselaw_courts_search_version_truncate AFTER TRUNCATE ON caselaw_courts
  FOR EACH STATEMENT EXECUTE FUNCTION caselaw_bump_search_version();

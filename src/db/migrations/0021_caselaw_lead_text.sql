-- Search result snippets (decision 0026): the plain text people read first (title, headnotes, summary, tenor, the
-- start of the reasons), without markup, at most 1,000 characters, computed once when a decision is written.
-- ts_headline's cost grows with the text it is given; on this lead it is a fraction of a millisecond per result,
-- where the markup removal and highlighting of several KB per result cost the search more than everything else.
ALTER TABLE caselaw_decisions ADD COLUMN lead_text text GENERATED ALWAYS AS (
  left(regexp_replace(
    coalesce(title, '') || ' ' || headnotes || ' ' || summary_de || ' ' || tenor || ' ' || left(reasons, 2000),
    '<[^>]*>', ' ', 'g'), 1000)
) STORED;

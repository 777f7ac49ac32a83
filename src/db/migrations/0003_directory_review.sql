-- Review of directory entries: a centre has at most one open change request (a new proposal replaces the open one),
-- and the member's entry page lists a centre's requests.

CREATE UNIQUE INDEX directory_change_requests_one_pending
  ON directory_change_requests (centre_id) WHERE status = 'pending';
CREATE INDEX directory_change_requests_centre ON directory_change_requests (centre_id, created_at DESC);

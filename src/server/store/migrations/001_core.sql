-- Points, devices, coordinators, sessions, pairing codes and the visits themselves.
-- Times are timestamptz (the instant); the offset a tablet wrote is kept in the
-- record's own strings. Statistics are read in Europe/Brussels.

CREATE TABLE points (
  id text PRIMARY KEY,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  install_id uuid UNIQUE,
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  revoked_at timestamptz,
  paired_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  app_version text,
  pending integer,
  oldest_pending_at timestamptz,
  last_point_id text
);

CREATE TABLE pairing_codes (
  code_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE coordinators (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One-time codes printed at start while no coordinator exists; the first
-- coordinator account is made with one of them (POST /api/v1/setup).
CREATE TABLE setup_codes (
  code_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  coordinator_id bigint NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sessions_coordinator ON sessions (coordinator_id);

CREATE TABLE visits (
  id uuid PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices(id),
  rev integer NOT NULL,
  point_id text NOT NULL,
  kind text NOT NULL,
  arrived_at timestamptz NOT NULL,
  deleted boolean NOT NULL,
  -- The visit as the tablet sent it, defaults filled in (VisitRecord): compared
  -- as a whole to tell a retry ("unchanged") from a conflicting edit.
  record jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX visits_arrived_at ON visits (arrived_at);
CREATE INDEX visits_device ON visits (device_id);

-- The model registry: models, their versions, each version's variants (one artifact per hardware
-- target), the artifacts themselves (content-addressed in the object store), and aliases.

CREATE TABLE model (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    description text        NOT NULL DEFAULT '',
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE model_version (
    id                bigserial   PRIMARY KEY,
    model_id          bigint      NOT NULL REFERENCES model (id),
    version           text        NOT NULL CHECK (version ~ '^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$'),
    card              jsonb       NOT NULL CHECK (jsonb_typeof(card) = 'object'),
    lineage           jsonb       NOT NULL CHECK (jsonb_typeof(lineage) = 'object'),
    parent_version_id bigint      REFERENCES model_version (id),
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (model_id, version)
);

-- A version's artifacts, one row per stored content: written once its bytes are verified.
CREATE TABLE artifact (
    sha256    text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    length    bigint      NOT NULL CHECK (length >= 0),
    stored_by text        NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);

-- A variant declares the digest and length of its artifact; it is downloadable once an artifact
-- row with that digest exists. Several variants may share one artifact.
CREATE TABLE model_variant (
    id               bigserial PRIMARY KEY,
    version_id       bigint    NOT NULL REFERENCES model_version (id),
    name             text      NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    format           text      NOT NULL,
    hardware_classes text[]    NOT NULL CHECK (cardinality(hardware_classes) > 0),
    sha256           text      NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    length           bigint    NOT NULL CHECK (length >= 0),
    UNIQUE (version_id, name)
);
CREATE INDEX model_variant_sha256 ON model_variant (sha256);

CREATE TABLE model_alias (
    model_id   bigint      NOT NULL REFERENCES model (id),
    name       text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    version_id bigint      NOT NULL REFERENCES model_version (id),
    moved_by   text        NOT NULL,
    moved_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, name)
);

-- Every move of an alias, appended, never changed.
CREATE TABLE model_alias_move (
    id              bigserial   PRIMARY KEY,
    model_id        bigint      NOT NULL REFERENCES model (id),
    alias           text        NOT NULL,
    from_version_id bigint      REFERENCES model_version (id),
    to_version_id   bigint      NOT NULL REFERENCES model_version (id),
    moved_by        text        NOT NULL,
    moved_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX model_alias_move_alias ON model_alias_move (model_id, alias, id);

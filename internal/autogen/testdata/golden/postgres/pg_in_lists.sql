-- upgrade
DROP VIEW open_tickets;

CREATE TABLE audit (
    id integer NOT NULL,
    kind character varying(10),
    tags character varying(10)[] DEFAULT ARRAY['a'::text, 'b'::text],
    PRIMARY KEY (id),
    CONSTRAINT audit_kind_check CHECK (kind::text <> ALL (ARRAY['x'::character varying, 'y'::character varying]::character varying[]::text[]))
);

CREATE INDEX ticket_live ON ticket (id) WHERE status::text = ANY (ARRAY['open'::character varying, 'pending'::character varying]::character varying[]::text[]);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE ticket ADD CONSTRAINT ticket_prio_check CHECK (prio = ANY (ARRAY['a'::bpchar, 'b'::bpchar]));

-- REVIEW: fails if existing rows violate the check
ALTER TABLE ticket ADD CONSTRAINT ticket_status_check CHECK (status::text = ANY (ARRAY['open'::character varying, 'closed'::character varying, 'won''t fix'::character varying]::character varying[]::text[]));

CREATE VIEW open_tickets AS
SELECT ticket.id
   FROM ticket
  WHERE ticket.status::text = ANY (ARRAY['open'::character varying, 'pending'::character varying]::character varying[]::text[]);

-- downgrade
DROP VIEW open_tickets;

ALTER TABLE ticket DROP CONSTRAINT ticket_status_check;

ALTER TABLE ticket DROP CONSTRAINT ticket_prio_check;

DROP INDEX ticket_live;

-- REVIEW: drops table audit and all its data
DROP TABLE audit;

CREATE VIEW open_tickets AS
SELECT ticket.id
   FROM ticket
  WHERE ticket.status::text = 'open'::text;

-- upgrade
CREATE TYPE ticket_state AS ENUM ('open', 'closed', 'held');

ALTER TABLE tickets ALTER COLUMN state DROP DEFAULT;

-- REVIEW: changes the type of tickets.state from text to ticket_state with USING state::ticket_state: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE tickets ALTER COLUMN state TYPE ticket_state USING state::ticket_state;

ALTER TABLE tickets ALTER COLUMN state SET DEFAULT 'open'::ticket_state;

-- downgrade
ALTER TABLE tickets ALTER COLUMN state DROP DEFAULT;

-- REVIEW: changes the type of tickets.state from ticket_state to text: fails or loses data if existing values do not fit
ALTER TABLE tickets ALTER COLUMN state TYPE text;

ALTER TABLE tickets ALTER COLUMN state SET DEFAULT 'open'::text;

DROP TYPE ticket_state;

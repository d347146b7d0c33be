-- upgrade
-- REVIEW: likely rename: column member.grp_id is dropped (with its data) and member.team_id added with the same type. If it is a rename, generate again with --rename member.grp_id=team_id

ALTER TABLE member DROP CONSTRAINT member_grp_id_fkey;

CREATE TABLE team (
    id integer NOT NULL,
    name character varying(40) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE member_team (
    id integer NOT NULL,
    member_id integer NOT NULL,
    team_id integer NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT member_team_member_id_team_id_key UNIQUE (member_id, team_id),
    CONSTRAINT member_team_member_id_fkey FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT member_team_team_id_fkey FOREIGN KEY (team_id) REFERENCES team (id)
);

ALTER TABLE member ADD COLUMN team_id integer;

-- REVIEW: drops column member.grp_id and its data
ALTER TABLE member DROP COLUMN grp_id;

ALTER TABLE member ADD CONSTRAINT member_team_id_fkey FOREIGN KEY (team_id) REFERENCES team (id);

-- REVIEW: drops table member_grp and all its data
DROP TABLE member_grp;

-- REVIEW: drops table grp and all its data
DROP TABLE grp;

-- downgrade
CREATE TABLE grp (
    id integer NOT NULL,
    name character varying(20),
    PRIMARY KEY (id)
);

CREATE TABLE member_grp (
    grp_id integer NOT NULL,
    member_id integer NOT NULL,
    PRIMARY KEY (member_id, grp_id),
    CONSTRAINT member_grp_grp_id_fkey FOREIGN KEY (grp_id) REFERENCES grp (id),
    CONSTRAINT member_grp_member_id_fkey FOREIGN KEY (member_id) REFERENCES member (id)
);

ALTER TABLE member DROP CONSTRAINT member_team_id_fkey;

ALTER TABLE member ADD COLUMN grp_id integer;

-- REVIEW: drops column member.team_id and its data
ALTER TABLE member DROP COLUMN team_id;

-- REVIEW: drops table member_team and all its data
DROP TABLE member_team;

-- REVIEW: drops table team and all its data
DROP TABLE team;

ALTER TABLE member ADD CONSTRAINT member_grp_id_fkey FOREIGN KEY (grp_id) REFERENCES grp (id);

CREATE TABLE "players" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "team_id" INTEGER NOT NULL,
  "mentor_id" INTEGER,
  "number" INTEGER NOT NULL,
  "nickname" VARCHAR(30) NOT NULL DEFAULT 'newbie',
  FOREIGN KEY ("mentor_id") REFERENCES "players" ("id"),
  CONSTRAINT "fk_players_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "number_range" CHECK (number BETWEEN 0 AND 99)
);
CREATE TABLE "teams" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "name" VARCHAR(60) NOT NULL,
  "captain_id" INTEGER,
  UNIQUE ("name"),
  FOREIGN KEY ("captain_id") REFERENCES "players" ("id") ON DELETE SET NULL
);

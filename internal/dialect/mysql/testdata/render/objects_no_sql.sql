-- up
-- error: mysql: event "e" has no CREATE statement to render
-- down
-- review: drops event e: what it runs on its schedule stops
DROP EVENT `e`;

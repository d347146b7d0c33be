-- up
-- review: drops trigger tr_users on users: what it does on changes to users stops happening
DROP TRIGGER tr_users;
CREATE TRIGGER tr_new AFTER DELETE ON users BEGIN SELECT 2; END;
DROP TRIGGER tr_x;
CREATE TRIGGER tr_x AFTER DELETE ON users BEGIN SELECT 3; END;
DROP TRIGGER names_ins;
CREATE TRIGGER names_ins INSTEAD OF INSERT ON names BEGIN INSERT INTO users (name) VALUES (NEW.name); END;
-- down
DROP TRIGGER names_ins;
CREATE TRIGGER names_ins INSTEAD OF INSERT ON names BEGIN INSERT INTO users (name) VALUES (NEW.name); END;
DROP TRIGGER tr_x;
CREATE TRIGGER tr_x AFTER DELETE ON users BEGIN SELECT 2; END;
-- review: drops trigger tr_new on users: what it does on changes to users stops happening
DROP TRIGGER tr_new;
CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END;

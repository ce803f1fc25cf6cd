CREATE TABLE daemon_thing (id int PRIMARY KEY);

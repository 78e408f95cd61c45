-- The hello plugin's only table; every object a plugin creates carries its prefix (hello_).
CREATE TABLE hello_greetings (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       VARCHAR(100) NOT NULL,
    message    VARCHAR(200) NOT NULL,
    created_at VARCHAR(40)  NOT NULL
);
CREATE INDEX hello_greetings_created_at ON hello_greetings (created_at);

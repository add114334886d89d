-- Read models of the scheduling context (house style §5: schema per lib, tables <name>_v<n>).
CREATE SCHEMA IF NOT EXISTS scheduling;
GRANT USAGE ON SCHEMA scheduling TO revcycle_app;

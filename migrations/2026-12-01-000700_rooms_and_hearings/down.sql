DROP TRIGGER hearing_bookings_sync ON hearings;
DROP FUNCTION hearing_bookings_sync();
DROP TABLE hearing_bookings;
DROP TABLE hearings;
DROP TABLE rooms;
-- btree_gist stays: other objects of the database may use it, and it holds no data.

-- Register of hybrid-course labels granted by the labelling committee.
-- It belongs to the unit, not to the engine: history cleanup never touches it,
-- so a label stays listed until it expires, long after its instance is gone.
CREATE TABLE IF NOT EXISTS labelling_label_register (
    label_number        VARCHAR(20)   NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)   NOT NULL UNIQUE,
    business_key        VARCHAR(64),
    course_code         VARCHAR(255)  NOT NULL,
    course_title        VARCHAR(255)  NOT NULL,
    program             VARCHAR(255)  NOT NULL,
    teacher_id          VARCHAR(255)  NOT NULL,
    granted_on          DATE          NOT NULL,
    valid_until         DATE          NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_labelling_register_valid_until ON labelling_label_register (valid_until);

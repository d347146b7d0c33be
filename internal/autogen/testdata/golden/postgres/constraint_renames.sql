-- upgrade
ALTER TABLE c RENAME CONSTRAINT c_p_fk_old TO c_p_fk_new;

ALTER TABLE p RENAME CONSTRAINT p_pk_old TO p_pk_new;

ALTER TABLE p RENAME CONSTRAINT p_code_old TO p_code_new;

ALTER TABLE p RENAME CONSTRAINT p_code_ck_old TO p_code_ck_new;

-- downgrade
ALTER TABLE p RENAME CONSTRAINT p_code_ck_new TO p_code_ck_old;

ALTER TABLE p RENAME CONSTRAINT p_code_new TO p_code_old;

ALTER TABLE p RENAME CONSTRAINT p_pk_new TO p_pk_old;

ALTER TABLE c RENAME CONSTRAINT c_p_fk_new TO c_p_fk_old;

-- Rectification evidence may be a PDF or a Word document as well as a picture: its content type is longer.
ALTER TABLE hazard_evidence ALTER COLUMN content_type SET DATA TYPE VARCHAR(100);

-- Brands get a face of their own: a logo and, per language, the name shoppers read and a short description. A brand
-- is still the name its products carry (product.brand); a profile row exists once an operator gave it a text or a
-- logo, and is carried along when the brand is renamed. Names compare exactly (binary collation), as renames do.
CREATE TABLE brand_profile (
  name       VARCHAR(80) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  logo       VARCHAR(80)  NULL,
  logo_width  INT         NULL,
  logo_height INT         NULL,
  version    BIGINT       NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE brand_profile_text (
  brand        VARCHAR(80) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  language     VARCHAR(8)    NOT NULL,
  display_name VARCHAR(80)   NOT NULL,
  description  VARCHAR(600)  NULL,
  PRIMARY KEY (brand, language),
  CONSTRAINT fk_brand_text_profile FOREIGN KEY (brand) REFERENCES brand_profile (name)
    ON UPDATE CASCADE ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Money as integer pence, the unit in each column's name (see the SQLite migration of the
-- same name). Columns are renamed in place, so the data stays with them, then retyped:
-- pounds become pence through numeric (the double read as the decimal it was typed as, 15
-- significant digits) rounded half away from zero, so 19.99 -> 1999 and 1234567.89 ->
-- 123456789 exactly, as on SQLite. NULL stays NULL.
-- LotRoute limits were already pence: they keep their values and become integers.

-- AlterTable
ALTER TABLE "LotRoute" RENAME COLUMN "minValue" TO "minValuePence";
ALTER TABLE "LotRoute" RENAME COLUMN "maxValue" TO "maxValuePence";
ALTER TABLE "LotRoute"
    ALTER COLUMN "minValuePence" TYPE BIGINT USING ROUND("minValuePence"::numeric)::bigint,
    ALTER COLUMN "maxValuePence" TYPE BIGINT USING ROUND("maxValuePence"::numeric)::bigint;

-- AlterTable
ALTER TABLE "Supplier" RENAME COLUMN "turnover" TO "turnoverPence";
ALTER TABLE "Supplier" ALTER COLUMN "turnoverPence" TYPE BIGINT USING ROUND(("turnoverPence" * 100)::numeric)::bigint;

-- AlterTable
ALTER TABLE "ProductVersion" RENAME COLUMN "priceFrom" TO "priceFromPence";
ALTER TABLE "ProductVersion" ALTER COLUMN "priceFromPence" TYPE INTEGER USING ROUND(("priceFromPence" * 100)::numeric)::integer;

-- AlterTable
ALTER TABLE "CaseStudy" RENAME COLUMN "costExact" TO "costExactPence";
ALTER TABLE "CaseStudy" ALTER COLUMN "costExactPence" TYPE BIGINT USING ROUND(("costExactPence" * 100)::numeric)::bigint;

-- AlterTable
ALTER TABLE "BuyingProject" RENAME COLUMN "estimatedValue" TO "estimatedValuePence";
ALTER TABLE "BuyingProject" ALTER COLUMN "estimatedValuePence" TYPE BIGINT USING ROUND(("estimatedValuePence" * 100)::numeric)::bigint;

-- AlterTable
ALTER TABLE "FrozenResult" RENAME COLUMN "priceFrom" TO "priceFromPence";
ALTER TABLE "FrozenResult" ALTER COLUMN "priceFromPence" TYPE INTEGER USING ROUND(("priceFromPence" * 100)::numeric)::integer;

-- AlterTable
ALTER TABLE "ProjectOutcome" RENAME COLUMN "value" TO "valuePence";
ALTER TABLE "ProjectOutcome" ALTER COLUMN "valuePence" TYPE BIGINT USING ROUND(("valuePence" * 100)::numeric)::bigint;

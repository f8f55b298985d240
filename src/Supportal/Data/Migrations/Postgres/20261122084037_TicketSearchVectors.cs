using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <summary>
    /// One search vector per ticket (its subject and every comment, each word once) in a narrow table kept up to date
    /// by triggers, replacing the expression indexes over subjects and comments. With a word in the same row as the
    /// ticket's number, the planner can either read a rare word's few tickets from the GIN index or, for a common word,
    /// walk a view in its order and test each ticket's vector, stopping after a page; the expression indexes made it
    /// fetch every matching comment first (tens of thousands at a million tickets). Words are split as before
    /// ('simple', punctuation to spaces, as SQLite's index splits them); positions are stripped, as prefix matching
    /// needs none. A ticket whose words would pass PostgreSQL's 1 MB limit for a vector keeps the words it has.
    /// </summary>
    public partial class TicketSearchVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION supportal_search_words(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT strip(to_tsvector('simple'::regconfig, regexp_replace(coalesce(body, ''), '[^[:alnum:]]+', ' ', 'g'))) $$;

                CREATE FUNCTION supportal_ticket_words(ticket bigint) RETURNS tsvector LANGUAGE sql STABLE
                AS $$
                    SELECT supportal_search_words(t."Subject") || coalesce((
                        SELECT array_to_tsvector(array_agg(DISTINCT w))
                        FROM "TicketComments" c, unnest(tsvector_to_array(supportal_search_words(c."Body"))) w
                        WHERE c."TicketId" = ticket), ''::tsvector)
                    FROM "Tickets" t WHERE t."Id" = ticket
                $$;

                CREATE TABLE "TicketSearchVectors" (
                    "TicketId" bigint PRIMARY KEY REFERENCES "Tickets" ("Id") ON DELETE CASCADE,
                    "Vector" tsvector NOT NULL);

                INSERT INTO "TicketSearchVectors" ("TicketId", "Vector")
                SELECT t."Id", supportal_search_words(t."Subject") || coalesce(c.words, ''::tsvector)
                FROM "Tickets" t LEFT JOIN (
                    SELECT c."TicketId", array_to_tsvector(array_agg(DISTINCT w)) AS words
                    FROM "TicketComments" c, unnest(tsvector_to_array(supportal_search_words(c."Body"))) w
                    GROUP BY c."TicketId") c ON c."TicketId" = t."Id";

                CREATE INDEX "IX_TicketSearchVectors_Vector" ON "TicketSearchVectors" USING GIN ("Vector");

                CREATE FUNCTION supportal_ticket_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    BEGIN
                        INSERT INTO "TicketSearchVectors" ("TicketId", "Vector") VALUES (NEW."Id", supportal_ticket_words(NEW."Id"))
                        ON CONFLICT ("TicketId") DO UPDATE SET "Vector" = EXCLUDED."Vector";
                    EXCEPTION WHEN program_limit_exceeded THEN
                        INSERT INTO "TicketSearchVectors" ("TicketId", "Vector") VALUES (NEW."Id", supportal_search_words(NEW."Subject"))
                        ON CONFLICT ("TicketId") DO NOTHING;
                    END;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Tickets_Search" AFTER INSERT OR UPDATE OF "Subject" ON "Tickets"
                    FOR EACH ROW EXECUTE FUNCTION supportal_ticket_search();

                CREATE FUNCTION supportal_comment_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    BEGIN
                        IF TG_OP = 'INSERT' THEN
                            UPDATE "TicketSearchVectors" SET "Vector" = "Vector" || supportal_search_words(NEW."Body")
                            WHERE "TicketId" = NEW."TicketId";
                        ELSE
                            -- An edit, a deletion or a move to another ticket (merging): count the tickets' words again.
                            UPDATE "TicketSearchVectors" SET "Vector" = coalesce(supportal_ticket_words("TicketId"), ''::tsvector)
                            WHERE "TicketId" = OLD."TicketId" OR "TicketId" = (CASE WHEN TG_OP = 'UPDATE' THEN NEW."TicketId" END);
                        END IF;
                    EXCEPTION WHEN program_limit_exceeded THEN
                        NULL;
                    END;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TicketComments_Search" AFTER INSERT OR DELETE OR UPDATE OF "Body", "TicketId" ON "TicketComments"
                    FOR EACH ROW EXECUTE FUNCTION supportal_comment_search();

                DROP INDEX "IX_Tickets_Subject_Search";
                DROP INDEX "IX_TicketComments_Body_Search";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TicketComments_Search" ON "TicketComments";
                DROP TRIGGER "Tickets_Search" ON "Tickets";
                DROP FUNCTION supportal_comment_search();
                DROP FUNCTION supportal_ticket_search();
                DROP TABLE "TicketSearchVectors";
                DROP FUNCTION supportal_ticket_words(bigint);
                DROP FUNCTION supportal_search_words(text);
                CREATE INDEX "IX_Tickets_Subject_Search" ON "Tickets" USING GIN (to_tsvector('simple'::regconfig, regexp_replace("Subject", '[^[:alnum:]]+', ' ', 'g')));
                CREATE INDEX "IX_TicketComments_Body_Search" ON "TicketComments" USING GIN (to_tsvector('simple'::regconfig, regexp_replace("Body", '[^[:alnum:]]+', ' ', 'g')));
                """);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <summary>
    /// Each ticket's word vector says whether the ticket is unsolved, kept by a trigger on its status, and the unsolved
    /// vectors have a GIN index of their own. Every agent view but the SLA view and "Recently solved" holds unsolved
    /// tickets only, so a search there first reads a word's unsolved tickets from that small index (Workspace
    /// TicketSearch.FewUnsolvedAsync): at a million tickets a common word has a few thousand unsolved ones (1,526 of
    /// 46,545 for "firewall"), read in 1.5 ms, where walking the queue of a team whose tickets lack the
    /// word read every one of them. The statuses named here are TicketStatuses.Unsolved as stored.
    /// </summary>
    public partial class UnsolvedSearchVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "TicketSearchVectors" ADD "Unsolved" boolean NOT NULL DEFAULT false;
                UPDATE "TicketSearchVectors" v SET "Unsolved" = true
                FROM "Tickets" t WHERE t."Id" = v."TicketId" AND t."Status" IN ('New', 'Open', 'Pending', 'OnHold');
                CREATE INDEX "IX_TicketSearchVectors_Unsolved" ON "TicketSearchVectors" USING GIN ("Vector") WHERE "Unsolved";

                CREATE OR REPLACE FUNCTION supportal_ticket_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    BEGIN
                        INSERT INTO "TicketSearchVectors" ("TicketId", "Vector", "Unsolved")
                        VALUES (NEW."Id", supportal_ticket_words(NEW."Id"), NEW."Status" IN ('New', 'Open', 'Pending', 'OnHold'))
                        ON CONFLICT ("TicketId") DO UPDATE SET "Vector" = EXCLUDED."Vector";
                    EXCEPTION WHEN program_limit_exceeded THEN
                        INSERT INTO "TicketSearchVectors" ("TicketId", "Vector", "Unsolved")
                        VALUES (NEW."Id", supportal_search_words(NEW."Subject"), NEW."Status" IN ('New', 'Open', 'Pending', 'OnHold'))
                        ON CONFLICT ("TicketId") DO NOTHING;
                    END;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION supportal_ticket_unsolved() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "TicketSearchVectors" SET "Unsolved" = NEW."Status" IN ('New', 'Open', 'Pending', 'OnHold')
                    WHERE "TicketId" = NEW."Id";
                    RETURN NULL;
                END $$;
                -- Only a move between unsolved and solved or closed rewrites the vector's row: most status changes do not.
                CREATE TRIGGER "Tickets_SearchUnsolved" AFTER UPDATE OF "Status" ON "Tickets" FOR EACH ROW
                    WHEN ((OLD."Status" IN ('New', 'Open', 'Pending', 'OnHold')) IS DISTINCT FROM (NEW."Status" IN ('New', 'Open', 'Pending', 'OnHold')))
                    EXECUTE FUNCTION supportal_ticket_unsolved();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Tickets_SearchUnsolved" ON "Tickets";
                DROP FUNCTION supportal_ticket_unsolved();
                CREATE OR REPLACE FUNCTION supportal_ticket_search() RETURNS trigger LANGUAGE plpgsql AS $$
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
                DROP INDEX "IX_TicketSearchVectors_Unsolved";
                ALTER TABLE "TicketSearchVectors" DROP COLUMN "Unsolved";
                """);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <summary>
    /// Full-text indexes (GIN over to_tsvector('simple', …)) on ticket subjects and comments. The 'simple' configuration
    /// neither stems nor drops stop words, so Polish and English text are searched alike; punctuation becomes spaces
    /// first, so "2.4.1" or "jan@firma.pl" are words as they are in SQLite's index, not single tokens. Queries must use
    /// the very same expression (Workspace/TicketSearch) for the planner to pick these indexes.
    /// </summary>
    public partial class TicketSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_Tickets_Subject_Search" ON "Tickets" USING GIN (to_tsvector('simple'::regconfig, regexp_replace("Subject", '[^[:alnum:]]+', ' ', 'g')));""");
            migrationBuilder.Sql("""CREATE INDEX "IX_TicketComments_Body_Search" ON "TicketComments" USING GIN (to_tsvector('simple'::regconfig, regexp_replace("Body", '[^[:alnum:]]+', ' ', 'g')));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_TicketComments_Body_Search";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Tickets_Subject_Search";""");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text indexes (FTS5) over ticket subjects and comments, kept in step by triggers. They are outside the EF
    /// model: a later migration that rebuilds Tickets or TicketComments must create the triggers again. Diacritics are
    /// kept (as PostgreSQL's 'simple' configuration keeps them), so both databases find the same tickets.
    /// </summary>
    public partial class TicketSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Index(migrationBuilder, "TicketSubjectIndex", "Tickets", "Subject");
            Index(migrationBuilder, "TicketCommentIndex", "TicketComments", "Body");
        }

        private static void Index(MigrationBuilder migrationBuilder, string index, string table, string column)
        {
            migrationBuilder.Sql($"""CREATE VIRTUAL TABLE "{index}" USING fts5("{column}", content='{table}', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{index}_Insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{index}"(rowid, "{column}") VALUES (new."Id", new."{column}");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{index}_Delete" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, "{column}") VALUES ('delete', old."Id", old."{column}");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{index}_Update" AFTER UPDATE OF "{column}" ON "{table}" BEGIN
                    INSERT INTO "{index}"("{index}", rowid, "{column}") VALUES ('delete', old."Id", old."{column}");
                    INSERT INTO "{index}"(rowid, "{column}") VALUES (new."Id", new."{column}");
                END;
                """);
            migrationBuilder.Sql($"""INSERT INTO "{index}"("{index}") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in new[] { "TicketSubjectIndex", "TicketCommentIndex" })
            {
                foreach (var trigger in new[] { "Insert", "Delete", "Update" })
                    migrationBuilder.Sql($"""DROP TRIGGER "{index}_{trigger}";""");
                migrationBuilder.Sql($"""DROP TABLE "{index}";""");
            }
        }
    }
}

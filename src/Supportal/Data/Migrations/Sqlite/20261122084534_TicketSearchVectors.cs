using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Sqlite
{
    /// <summary>
    /// PostgreSQL's search moves to one word vector per ticket here; SQLite keeps its FTS5 tables (migration
    /// TicketSearch), so this step only keeps both providers' migrations in step.
    /// </summary>
    public partial class TicketSearchVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}

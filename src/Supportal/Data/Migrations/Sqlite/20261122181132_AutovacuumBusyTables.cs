using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Sqlite
{
    /// <summary>
    /// PostgreSQL's autovacuum settings for the busiest tables; SQLite has no such settings, so nothing changes here.
    /// The migration exists so that both providers keep the same list of migrations.
    /// </summary>
    public partial class AutovacuumBusyTables : Migration
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

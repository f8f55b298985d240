using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Sqlite
{
    /// <summary>
    /// PostgreSQL's word vectors learn which tickets are unsolved here; SQLite answers a search with one query over
    /// its FTS5 tables, so this step only keeps both providers' migrations in step.
    /// </summary>
    public partial class UnsolvedSearchVectors : Migration
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlaBreachIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TicketSlas_FulfilledAt_BreachedAt_DueAt",
                table: "TicketSlas",
                columns: new[] { "FulfilledAt", "BreachedAt", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketSlas_FulfilledAt_BreachedAt_DueAt",
                table: "TicketSlas");
        }
    }
}

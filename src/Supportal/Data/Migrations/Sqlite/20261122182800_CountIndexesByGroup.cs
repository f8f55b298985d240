using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CountIndexesByGroup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_SlaAtRiskAt",
                table: "Tickets",
                columns: new[] { "GroupId", "SlaAtRiskAt" },
                filter: "\"SlaAtRiskAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "UpdatedAt", "Id" },
                filter: "\"AssigneeId\" IS NULL AND \"Status\" IN ('New', 'Open', 'Pending', 'OnHold')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_SlaAtRiskAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_UpdatedAt_Id",
                table: "Tickets");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OwnTicketsByGroup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Unsolved_AssigneeId_GroupId_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "GroupId", "UpdatedAt", "Id" },
                filter: "\"Status\" IN ('New', 'Open', 'Pending', 'OnHold')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Unsolved_AssigneeId_GroupId_UpdatedAt_Id",
                table: "Tickets");
        }
    }
}

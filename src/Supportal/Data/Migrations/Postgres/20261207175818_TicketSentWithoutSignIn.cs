using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketSentWithoutSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SentWithoutSignIn",
                table: "Tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SentWithoutSignIn",
                table: "Tickets");
        }
    }
}

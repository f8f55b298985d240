using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketSlaAtRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SlaAtRiskAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            // Existing tickets get what the SLA tracker now keeps (SlaClock.AtRiskSince): of the targets not met, the
            // earliest at-risk point, or breach when that is earlier. Before the index, so it is built once.
            migrationBuilder.Sql("""
                UPDATE "Tickets" SET "SlaAtRiskAt" = (
                    SELECT MIN(CASE WHEN s."BreachedAt" IS NOT NULL AND (s."AtRiskAt" IS NULL OR s."AtRiskAt" > s."BreachedAt")
                        THEN s."BreachedAt" ELSE s."AtRiskAt" END)
                    FROM "TicketSlas" AS s WHERE s."TicketId" = "Tickets"."Id" AND s."FulfilledAt" IS NULL)
                WHERE "Id" IN (SELECT "TicketId" FROM "TicketSlas" WHERE "FulfilledAt" IS NULL);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaAtRiskAt_Id",
                table: "Tickets",
                columns: new[] { "SlaAtRiskAt", "Id" },
                filter: "\"SlaAtRiskAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaAtRiskAt_Id",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaAtRiskAt",
                table: "Tickets");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Supportal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NamePl = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NamePl = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DescriptionPl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusServices_StatusGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StatusGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatusIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    From = table.Column<DateTime>(type: "TEXT", nullable: false),
                    To = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusIntervals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusIntervals_StatusServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "StatusServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { new Guid("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a05"), "0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a05", "StatusEditor", "STATUSEDITOR" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusIntervals_Open",
                table: "StatusIntervals",
                column: "ServiceId",
                unique: true,
                filter: "\"To\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StatusIntervals_ServiceId_From",
                table: "StatusIntervals",
                columns: new[] { "ServiceId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusServices_GroupId_Order",
                table: "StatusServices",
                columns: new[] { "GroupId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusIntervals");

            migrationBuilder.DropTable(
                name: "StatusServices");

            migrationBuilder.DropTable(
                name: "StatusGroups");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: new Guid("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a05"));
        }
    }
}

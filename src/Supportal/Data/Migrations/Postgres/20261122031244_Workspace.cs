using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Supportal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Workspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeId",
                table: "Tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstReplyAt",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FollowUpOfId",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GroupId",
                table: "Tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoId",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "JoinByDomain",
                table: "Organizations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Organizations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BusinessCalendars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AroundTheClock = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationDomains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationDomains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationDomains_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceLevelId = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FirstReplyMinutes = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "integer", nullable: false),
                    BusinessHoursOnly = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_ServiceLevels_ServiceLevelId",
                        column: x => x.ServiceLevelId,
                        principalTable: "ServiceLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketEvents_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TicketEvents_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketSlas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Metric = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TargetSeconds = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AtRiskAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeftSecondsWhilePaused = table.Column<long>(type: "bigint", nullable: true),
                    FulfilledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BreachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketSlas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketSlas_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketTags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Tag = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketTags_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CalendarId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessHours_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CalendarId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Groups_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Holidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CalendarId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Holidays_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupMembers_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Macros",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SetStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SetPriority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SetGroupId = table.Column<int>(type: "integer", nullable: true),
                    AddTags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Macros", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Macros_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Macros_Groups_SetGroupId",
                        column: x => x.SetGroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ServiceLevelId = table.Column<int>(type: "integer", nullable: true),
                    GroupId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutingRules_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoutingRules_ServiceLevels_ServiceLevelId",
                        column: x => x.ServiceLevelId,
                        principalTable: "ServiceLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "BusinessCalendars",
                columns: new[] { "Id", "AroundTheClock", "Name", "TimeZone" },
                values: new object[,]
                {
                    { 1, false, "Mon–Fri 08:00–16:00 (Europe/Warsaw)", "Europe/Warsaw" },
                    { 2, true, "24/7", "UTC" }
                });

            migrationBuilder.InsertData(
                table: "SlaPolicies",
                columns: new[] { "Id", "BusinessHoursOnly", "FirstReplyMinutes", "Priority", "ResolutionMinutes", "ServiceLevelId" },
                values: new object[,]
                {
                    { 1, true, 60, "Urgent", 480, 1 },
                    { 2, true, 240, "High", 960, 1 },
                    { 3, true, 480, "Normal", 2400, 1 },
                    { 4, true, 960, "Low", 4800, 1 },
                    { 5, false, 30, "Urgent", 240, 2 },
                    { 6, false, 60, "High", 480, 2 },
                    { 7, false, 240, "Normal", 1440, 2 },
                    { 8, false, 480, "Low", 2880, 2 }
                });

            migrationBuilder.InsertData(
                table: "BusinessHours",
                columns: new[] { "Id", "CalendarId", "Day", "End", "Start" },
                values: new object[,]
                {
                    { 1, 1, "Monday", new TimeOnly(16, 0, 0), new TimeOnly(8, 0, 0) },
                    { 2, 1, "Tuesday", new TimeOnly(16, 0, 0), new TimeOnly(8, 0, 0) },
                    { 3, 1, "Wednesday", new TimeOnly(16, 0, 0), new TimeOnly(8, 0, 0) },
                    { 4, 1, "Thursday", new TimeOnly(16, 0, 0), new TimeOnly(8, 0, 0) },
                    { 5, 1, "Friday", new TimeOnly(16, 0, 0), new TimeOnly(8, 0, 0) }
                });

            migrationBuilder.InsertData(
                table: "Groups",
                columns: new[] { "Id", "CalendarId", "Name" },
                values: new object[,]
                {
                    { 1, 1, "Polish team" },
                    { 2, 2, "English team" }
                });

            migrationBuilder.InsertData(
                table: "Holidays",
                columns: new[] { "Id", "CalendarId", "Date", "Name" },
                values: new object[,]
                {
                    { 1, 1, new DateOnly(2026, 1, 1), "Nowy Rok" },
                    { 2, 1, new DateOnly(2026, 1, 6), "Trzech Króli" },
                    { 3, 1, new DateOnly(2026, 4, 5), "Wielkanoc" },
                    { 4, 1, new DateOnly(2026, 4, 6), "Poniedziałek Wielkanocny" },
                    { 5, 1, new DateOnly(2026, 5, 1), "Święto Pracy" },
                    { 6, 1, new DateOnly(2026, 5, 3), "Święto Konstytucji 3 Maja" },
                    { 7, 1, new DateOnly(2026, 5, 24), "Zielone Świątki" },
                    { 8, 1, new DateOnly(2026, 6, 4), "Boże Ciało" },
                    { 9, 1, new DateOnly(2026, 8, 15), "Wniebowzięcie NMP" },
                    { 10, 1, new DateOnly(2026, 11, 1), "Wszystkich Świętych" },
                    { 11, 1, new DateOnly(2026, 11, 11), "Narodowe Święto Niepodległości" },
                    { 12, 1, new DateOnly(2026, 12, 24), "Wigilia" },
                    { 13, 1, new DateOnly(2026, 12, 25), "Boże Narodzenie" },
                    { 14, 1, new DateOnly(2026, 12, 26), "Drugi dzień Bożego Narodzenia" },
                    { 15, 1, new DateOnly(2027, 1, 1), "Nowy Rok" },
                    { 16, 1, new DateOnly(2027, 1, 6), "Trzech Króli" },
                    { 17, 1, new DateOnly(2027, 3, 28), "Wielkanoc" },
                    { 18, 1, new DateOnly(2027, 3, 29), "Poniedziałek Wielkanocny" },
                    { 19, 1, new DateOnly(2027, 5, 1), "Święto Pracy" },
                    { 20, 1, new DateOnly(2027, 5, 3), "Święto Konstytucji 3 Maja" },
                    { 21, 1, new DateOnly(2027, 5, 16), "Zielone Świątki" },
                    { 22, 1, new DateOnly(2027, 5, 27), "Boże Ciało" },
                    { 23, 1, new DateOnly(2027, 8, 15), "Wniebowzięcie NMP" },
                    { 24, 1, new DateOnly(2027, 11, 1), "Wszystkich Świętych" },
                    { 25, 1, new DateOnly(2027, 11, 11), "Narodowe Święto Niepodległości" },
                    { 26, 1, new DateOnly(2027, 12, 24), "Wigilia" },
                    { 27, 1, new DateOnly(2027, 12, 25), "Boże Narodzenie" },
                    { 28, 1, new DateOnly(2027, 12, 26), "Drugi dzień Bożego Narodzenia" }
                });

            migrationBuilder.InsertData(
                table: "RoutingRules",
                columns: new[] { "Id", "GroupId", "Language", "Order", "ServiceLevelId" },
                values: new object[,]
                {
                    { 1, 1, "pl", 1, null },
                    { 2, 2, "en", 2, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FollowUpOfId",
                table: "Tickets",
                column: "FollowUpOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_MergedIntoId",
                table: "Tickets",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessHours_CalendarId",
                table: "BusinessHours",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_GroupId_UserId",
                table: "GroupMembers",
                columns: new[] { "GroupId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_UserId",
                table: "GroupMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Groups_CalendarId",
                table: "Groups",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_Groups_Name",
                table: "Groups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_CalendarId_Date",
                table: "Holidays",
                columns: new[] { "CalendarId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Macros_OwnerId",
                table: "Macros",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_SetGroupId",
                table: "Macros",
                column: "SetGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationDomains_Domain",
                table: "OrganizationDomains",
                column: "Domain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationDomains_OrganizationId",
                table: "OrganizationDomains",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_GroupId",
                table: "RoutingRules",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_Order",
                table: "RoutingRules",
                column: "Order");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_ServiceLevelId",
                table: "RoutingRules",
                column: "ServiceLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_ServiceLevelId_Priority",
                table: "SlaPolicies",
                columns: new[] { "ServiceLevelId", "Priority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvents_ActorId",
                table: "TicketEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvents_TicketId_Id",
                table: "TicketEvents",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketSlas_FulfilledAt_AtRiskAt",
                table: "TicketSlas",
                columns: new[] { "FulfilledAt", "AtRiskAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketSlas_TicketId_Metric",
                table: "TicketSlas",
                columns: new[] { "TicketId", "Metric" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketTags_Tag_TicketId",
                table: "TicketTags",
                columns: new[] { "Tag", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketTags_TicketId_Tag",
                table: "TicketTags",
                columns: new[] { "TicketId", "Tag" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_AspNetUsers_AssigneeId",
                table: "Tickets",
                column: "AssigneeId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_Groups_GroupId",
                table: "Tickets",
                column: "GroupId",
                principalTable: "Groups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_Tickets_FollowUpOfId",
                table: "Tickets",
                column: "FollowUpOfId",
                principalTable: "Tickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_Tickets_MergedIntoId",
                table: "Tickets",
                column: "MergedIntoId",
                principalTable: "Tickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_AspNetUsers_AssigneeId",
                table: "Tickets");

            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_Groups_GroupId",
                table: "Tickets");

            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_Tickets_FollowUpOfId",
                table: "Tickets");

            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_Tickets_MergedIntoId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "BusinessHours");

            migrationBuilder.DropTable(
                name: "GroupMembers");

            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "Macros");

            migrationBuilder.DropTable(
                name: "OrganizationDomains");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "TicketEvents");

            migrationBuilder.DropTable(
                name: "TicketSlas");

            migrationBuilder.DropTable(
                name: "TicketTags");

            migrationBuilder.DropTable(
                name: "Groups");

            migrationBuilder.DropTable(
                name: "BusinessCalendars");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_FollowUpOfId",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_Status_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_MergedIntoId",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstReplyAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FollowUpOfId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "GroupId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "JoinByDomain",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Organizations");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lab.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportAmendmentsAndSubcontracting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AmendmentOpenedAt",
                table: "TestRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AmendmentOpenedBy",
                table: "TestRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AmendmentReason",
                table: "TestRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subcontractor",
                table: "TestMethods",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subcontractor",
                table: "Analyses",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AmendmentOpenedAt",
                table: "TestRequests");

            migrationBuilder.DropColumn(
                name: "AmendmentOpenedBy",
                table: "TestRequests");

            migrationBuilder.DropColumn(
                name: "AmendmentReason",
                table: "TestRequests");

            migrationBuilder.DropColumn(
                name: "Subcontractor",
                table: "TestMethods");

            migrationBuilder.DropColumn(
                name: "Subcontractor",
                table: "Analyses");
        }
    }
}

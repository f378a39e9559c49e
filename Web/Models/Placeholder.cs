namespace Web.Models;

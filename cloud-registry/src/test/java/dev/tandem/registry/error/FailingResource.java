package dev.tandem.registry.error;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLTransientConnectionException;

/** Test-only endpoints that fail the ways production code can, to check how failures answer. */
@Path("/test/failures")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {
  static final String SECRET = "password=hunter2 in com.example.Internal";

  @GET
  @Path("unexpected")
  public String unexpected() {
    throw new IllegalStateException(SECRET);
  }

  @GET
  @Path("database-down")
  public String databaseDown() {
    throw RegistryException.fromSql(
        "reading the audit log", new SQLTransientConnectionException(SECRET, "08001"));
  }

  @GET
  @Path("database-bug")
  public String databaseBug() {
    throw RegistryException.fromSql(
        "reading the audit log", new java.sql.SQLSyntaxErrorException(SECRET, "42601"));
  }
}

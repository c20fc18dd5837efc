package com.incidents.severity.problem;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.incidents.severity.audit.AuditIntegrityException;
import com.incidents.severity.audit.AuditUnavailableException;
import com.incidents.severity.engine.EvaluationException;
import com.incidents.severity.preview.CandidateRefusedException;
import com.incidents.severity.policy.service.PolicyUnavailableException;

/** Every error leaves the service as an RFC 9457 problem body; none names a Java class. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(InvalidRequestException e) {
        return problem(e.problem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> candidateRefused(CandidateRefusedException e) {
        List<FieldError> errors = e.diagnostics().stream()
                .map(d -> FieldError.of(d.file() == null ? "policy" : d.file(), d.toString())).toList();
        return problem(new Problem("/problems/policy-refused", "The candidate policy would be refused", 422,
                errors.size() + " problem(s) in the candidate policy", errors));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unavailable(PolicyUnavailableException e) {
        return problem(Problem.of("policy-unavailable", "No policy is in force", 503,
                "The service has no valid policy loaded yet; see GET /q/health/ready"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> auditUnavailable(AuditUnavailableException e) {
        return problem(Problem.of("audit-unavailable", "The decision could not be recorded", 503,
                "Nothing was decided for this request because the audit trail could not record it; retry it"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> integrity(AuditIntegrityException e) {
        LOG.errorf("Audit integrity failure: %s", e.getMessage());
        return problem(e.problem());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> evaluation(EvaluationException e) {
        LOG.errorf("Policy evaluation failed: %s", e.getMessage());
        return problem(Problem.of("evaluation-failed", "The policy could not be evaluated", 500,
                "The policy in force failed on this request; the failure is logged for the policy editors"));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return problem(Problem.of("http-" + status, title, status, title));
    }

    static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status())
                .entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}

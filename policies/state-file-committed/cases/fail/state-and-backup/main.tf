resource "aws_sqs_queue" "jobs" {
  name = "jobs"

  tags = {
    Environment = "dev"
    Owner       = "platform"
  }
}

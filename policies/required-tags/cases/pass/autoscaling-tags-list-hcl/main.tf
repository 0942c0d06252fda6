# The `tags` list of maps that providers before v5 took.
resource "aws_autoscaling_group" "web" {
  min_size = 1
  max_size = 3
  tags = [
    { key = "Environment", value = "prod", propagate_at_launch = "true" },
    { key = "Owner", value = "platform", propagate_at_launch = "false" },
  ]
}
